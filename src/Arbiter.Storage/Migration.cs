namespace Arbiter.Storage;

/// <summary>One step of a schema: applied once, in version order, recorded in <c>schema_migrations</c>.</summary>
public sealed record Migration(int Version, string Description, string Sql);
