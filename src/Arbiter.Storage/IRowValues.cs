namespace Arbiter.Storage;

/// <summary>
/// Where a row's values go, one call per column in the insert's order: a SQLite statement's bindings
/// (<see cref="SqliteRowValues"/>) or an ADO.NET command's parameters (<see cref="AdoRowValues"/>). The rows say
/// their columns once (<see cref="RequestRow"/>, <see cref="AttemptRow"/>, <see cref="OrchestrationRow"/>); the
/// writers are generic over a struct of this, so the SQLite path boxes nothing.
/// </summary>
internal interface IRowValues
{
    void Text(ReadOnlySpan<char> value);
    void Text(string? value);
    void Long(long? value);
    void Double(double? value);
    void Bool(bool value);
}
