using SQLitePCL;

namespace Arbiter.Storage;

/// <summary>Binds values by position to a compiled SQLite statement: text as UTF-16 spans, no allocation.</summary>
internal struct SqliteRowValues(sqlite3_stmt statement) : IRowValues
{
    private int _index = 1;

    public void Text(ReadOnlySpan<char> value) => raw.sqlite3_bind_text16(statement, _index++, value);

    public void Text(string? value)
    {
        if (value is null) raw.sqlite3_bind_null(statement, _index++);
        else raw.sqlite3_bind_text16(statement, _index++, value.AsSpan());
    }

    public void Long(long? value)
    {
        if (value is { } x) raw.sqlite3_bind_int64(statement, _index++, x);
        else raw.sqlite3_bind_null(statement, _index++);
    }

    public void Double(double? value)
    {
        if (value is { } x) raw.sqlite3_bind_double(statement, _index++, x);
        else raw.sqlite3_bind_null(statement, _index++);
    }

    public void Bool(bool value) => raw.sqlite3_bind_int64(statement, _index++, value ? 1 : 0);
}
