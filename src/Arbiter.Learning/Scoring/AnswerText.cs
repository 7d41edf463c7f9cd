using Arbiter.Learning.Data;

namespace Arbiter.Learning.Scoring;

/// <summary>
/// The text an answer scorer reads: the question (the prompt's distinctive last block) and the answer. Training
/// (recorded answers) and the gateway (a live answer) build it the same way.
/// </summary>
public static class AnswerText
{
    private const string Separator = "\nANSWER: ";

    public static string Of(string question, string answer) => question + Separator + answer;

    /// <summary>A recorded RouterBench answer is a Python list literal of strings: its elements, joined.</summary>
    public static string Recorded(string? raw) => raw is null ? "" : string.Join("\n", PythonListLiteral.Parse(raw));
}
