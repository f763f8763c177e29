using System.Globalization;
using System.Text.Json.Nodes;
using BondBot.FakeDiscord;

namespace BondBot.Playground;

/// <summary>Turns the page's filled-in options into the option tree Discord sends (Application Commands §Application
/// Command Interaction Data Option Structure): numbers as numbers, booleans as booleans, users and channels as ids.</summary>
internal static class CommandOptions
{
    public static FakeOption[] Read(JsonNode? node) =>
        (node as JsonArray ?? []).OfType<JsonObject>().Select(Read).ToArray();

    private static FakeOption Read(JsonObject o)
    {
        var type = o["type"]?.GetValue<int>() ?? 3;
        var focused = o["focused"]?.GetValue<bool>() ?? false;
        var name = o["name"]?.GetValue<string>() ?? "";
        if (type is 1 or 2)
            return new FakeOption(name, type, null, Read(o["options"]));
        var text = o["value"]?.ToString() ?? "";
        // While typing (autocomplete) the focused value is whatever was typed so far, always sent as typed.
        object value = focused ? text : type switch
        {
            4 when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) => integer,
            10 when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            5 => text is "true" or "True",
            _ => text,
        };
        return new FakeOption(name, type, value, null, focused);
    }
}
