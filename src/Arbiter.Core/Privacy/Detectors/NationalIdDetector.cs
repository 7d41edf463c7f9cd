using System.Text.RegularExpressions;

namespace Arbiter.Core.Privacy.Detectors;

/// <summary>
/// US social security numbers written AAA-GG-SSSS (without the never-issued 000, 666, 9xx areas, 00 group or
/// 0000 serial) and UK national insurance numbers (AB 12 34 56 C).
/// </summary>
public sealed partial class NationalIdDetector : RegexDetector
{
    public override string Kind => SensitiveKinds.NationalId;
    protected override Regex Pattern => NationalId();

    [GeneratedRegex(@"(?<![\w-])(?:(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}|(?![DFIQUV])[A-CEGHJ-PR-TW-Z](?![DFIOQUV])[A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D])(?![\w-])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex NationalId();
}
