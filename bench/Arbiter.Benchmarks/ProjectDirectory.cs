namespace Arbiter.Benchmarks;

/// <summary>Finds bench/Arbiter.Benchmarks from the build output (bin/Release/net10.0/...), if it is there.</summary>
public static class ProjectDirectory
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Arbiter.Benchmarks.csproj"))) return dir.FullName;
        return null;
    }
}
