namespace Arbiter.Learning.Data;

/// <summary>
/// The part of a prompt that tells prompts apart. Few-shot prompts repeat the same worked examples before the
/// question, separated by blank lines, so the router featurises only the last block: the question itself.
/// </summary>
public static class PromptText
{
    /// <summary>Manifest name of this featurisation: the last element of a list prompt, after its last blank line.</summary>
    public const string LastBlock = "last-block";

    public static string Distinctive(string prompt)
    {
        var items = PythonListLiteral.Parse(prompt);
        return LastBlockOf(items.Count == 0 ? "" : items[^1]);
    }

    public static string LastBlockOf(string text)
    {
        var t = text.AsSpan().TrimEnd();
        var cut = t.LastIndexOf("\n\n");
        return (cut < 0 ? t : t[(cut + 2)..]).Trim().ToString();
    }
}
