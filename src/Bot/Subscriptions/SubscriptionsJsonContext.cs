using System.Text.Json.Serialization;

namespace Bot.Subscriptions;

/// <summary>The stored forms of a version: its diff and its snapshot (columns <c>diff</c> and <c>snapshot</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true, WriteIndented = false)]
[JsonSerializable(typeof(FactDiff))]
[JsonSerializable(typeof(FactSnapshot))]
internal sealed partial class SubscriptionsJsonContext : JsonSerializerContext;
