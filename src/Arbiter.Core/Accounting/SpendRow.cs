namespace Arbiter.Core.Accounting;

/// <summary>
/// One group of a spend report. <see cref="CostUsd"/> sums the priced requests only; <see cref="UnpricedRequests"/>
/// counts those that used tokens on a model without a price, so an unpriced model never reads as $0.
/// </summary>
/// <param name="Group">The key id, team, model, route or day; null for requests without one (no key, no route).</param>
public sealed record SpendRow(string? Group, long Requests, decimal CostUsd, long UnpricedRequests, long InputTokens, long OutputTokens);
