using System.Text.Json;
using System.Text.Json.Serialization;

namespace BondBot.Discord.Json;

/// <summary>
/// Source-generated JSON for every model: snake_case names, nulls omitted, snowflakes as strings, unknown fields
/// ignored (System.Text.Json's default) and enums as numbers, so values Discord adds later still read.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SnowflakeConverter), typeof(PermissionsConverter)])]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(List<Role>))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(CreateGuildChannelRequest))]
[JsonSerializable(typeof(CreateDmRequest))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionData))]
[JsonSerializable(typeof(PermissionOverwrite))]
[JsonSerializable(typeof(ModalPayload))]
[JsonSerializable(typeof(AutocompletePayload))]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(OutgoingPayload<IdentifyData>))]
[JsonSerializable(typeof(OutgoingPayload<ResumeData>))]
[JsonSerializable(typeof(OutgoingPayload<int?>))]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(RateLimitBody))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
internal sealed partial class DiscordJson : JsonSerializerContext;
