namespace Arbiter.Core.Privacy;

/// <summary>Finds one kind of personal data or secret in a text.</summary>
public interface ISensitiveDataDetector
{
    /// <summary>One of <see cref="SensitiveKinds"/>.</summary>
    string Kind { get; }

    void Find(string text, List<SensitiveMatch> into);
}
