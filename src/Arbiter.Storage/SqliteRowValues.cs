using System.Text;
using SQLitePCL;

namespace Arbiter.Storage;

/// <summary>
/// Binds values by position to a compiled SQLite statement: text as UTF-8 made on the stack, no allocation, each bind
/// a direct call (<see cref="SqliteBindCalls"/>). The statement must stay alive while this is used (the writer keeps it).
/// </summary>
internal struct SqliteRowValues(sqlite3_stmt statement) : IRowValues
{
    private readonly nint _handle = statement.DangerousGetHandle();
    /// <summary>Longer text (an error message, rarely) is bound as UTF-16 for SQLite to convert.</summary>
    private const int MaxStackBytes = 768;
    private int _index = 1;

    // The database is UTF-8: text bound as UTF-16 was converted again by SQLite on every insert, into memory it
    // allocated for the purpose (sqlite3VdbeMemTranslate in the writer's profile).
    public void Text(ReadOnlySpan<char> value)
    {
        if (Encoding.UTF8.GetMaxByteCount(value.Length) > MaxStackBytes)
        {
            raw.sqlite3_bind_text16(statement, _index++, value);
            return;
        }
        Span<byte> utf8 = stackalloc byte[MaxStackBytes];
        var length = Encoding.UTF8.GetBytes(value, utf8);
        SqliteBindCalls.Text(_handle, _index++, utf8[..length]);
    }

    public void Text(string? value)
    {
        if (value is null) SqliteBindCalls.Null(_handle, _index++);
        else Text(value.AsSpan());
    }

    public void Long(long? value)
    {
        if (value is { } x) SqliteBindCalls.Long(_handle, _index++, x);
        else SqliteBindCalls.Null(_handle, _index++);
    }

    public void Double(double? value)
    {
        if (value is { } x) SqliteBindCalls.Double(_handle, _index++, x);
        else SqliteBindCalls.Null(_handle, _index++);
    }

    public void Bool(bool value) => SqliteBindCalls.Long(_handle, _index++, value ? 1 : 0);
}
