namespace Arbiter.Learning.Tests;

/// <summary>A fact that is skipped when ../shared/data/NAME is absent (a fresh clone without the data).</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string name)
    {
        if (SharedData.Folder(name) is null) Skip = $"../shared/data/{name} is not present";
    }
}
