using System.Data.Common;

namespace Arbiter.Storage;

/// <summary>Sets an ADO.NET command's parameters (created in column order) to a row's values; null as DBNull.</summary>
internal struct AdoRowValues(DbParameterCollection parameters) : IRowValues
{
    private int _index;

    public void Text(ReadOnlySpan<char> value) => parameters[_index++].Value = value.ToString();
    public void Text(string? value) => Set(value);
    public void Long(long? value) => Set(value);
    public void Double(double? value) => Set(value);
    public void Bool(bool value) => parameters[_index++].Value = value;

    private void Set(object? value) => parameters[_index++].Value = value ?? DBNull.Value;
}
