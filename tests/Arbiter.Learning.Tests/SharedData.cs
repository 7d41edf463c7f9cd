namespace Arbiter.Learning.Tests;

/// <summary>Where ../shared/data is, when this checkout has it (tests that need it skip otherwise).</summary>
internal static class SharedData
{
    public static string? Folder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", name);
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }
}
