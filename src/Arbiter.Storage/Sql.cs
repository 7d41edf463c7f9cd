using System.Data.Common;

namespace Arbiter.Storage;

/// <summary>Small ADO.NET helpers shared by the stores.</summary>
internal static class Sql
{
    /// <summary>Adds <c>@name</c>. The prefix is given, not left to the driver: Microsoft.Data.Sqlite otherwise tries each
    /// prefix it knows on every execution, allocating a string per try.</summary>
    public static DbParameter Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name[0] == '@' ? name : "@" + name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }

    public static string? String(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    public static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i));
    /// <summary>SUM over bigint is numeric in PostgreSQL and an integer in SQLite.</summary>
    public static decimal Decimal(DbDataReader r, int i) => r.IsDBNull(i) ? 0m : Convert.ToDecimal(r.GetValue(i));
}
