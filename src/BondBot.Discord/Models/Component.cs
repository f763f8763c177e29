namespace BondBot.Discord;

/// <summary>Component types (Components §Component Types); unknown values pass through as numbers.</summary>
public enum ComponentType
{
    /// <summary>Action row.</summary>
    ActionRow = 1,
    /// <summary>Button.</summary>
    Button = 2,
    /// <summary>String select.</summary>
    StringSelect = 3,
    /// <summary>Text input (modals).</summary>
    TextInput = 4,
    /// <summary>Text display: markdown text, in messages with components v2 and in modals.</summary>
    TextDisplay = 10,
    /// <summary>Label wrapper (modals), the current recommended layout.</summary>
    Label = 18,
}

/// <summary>Button styles (Components §Button Styles).</summary>
public enum ButtonStyle
{
    /// <summary>Blurple.</summary>
    Primary = 1,
    /// <summary>Grey.</summary>
    Secondary = 2,
    /// <summary>Green.</summary>
    Success = 3,
    /// <summary>Red.</summary>
    Danger = 4,
    /// <summary>Opens a URL; sends no interaction.</summary>
    Link = 5,
}

/// <summary>Text input styles.</summary>
public enum TextInputStyle
{
    /// <summary>One line.</summary>
    Short = 1,
    /// <summary>Several lines.</summary>
    Paragraph = 2,
}

/// <summary>
/// One component of any type (Components §Reference). Discord's components are a tagged union; a single record
/// with optional fields reads every type, tolerates types this client does not know, and writes only what is set.
/// Use the factory methods to build well-formed ones.
/// </summary>
public sealed record Component
{
    /// <summary>Component type.</summary>
    public ComponentType Type { get; init; }
    /// <summary>Optional numeric identifier.</summary>
    public int? Id { get; init; }
    /// <summary>Developer-defined id, 1–100 characters.</summary>
    public string? CustomId { get; init; }
    /// <summary>Button style or text input style.</summary>
    public int? Style { get; init; }
    /// <summary>Text display markdown (≤4000).</summary>
    public string? Content { get; init; }
    /// <summary>Button label (≤80) or Label component text (≤45).</summary>
    public string? Label { get; init; }
    /// <summary>Label component description (≤100).</summary>
    public string? Description { get; init; }
    /// <summary>Link button URL.</summary>
    public string? Url { get; init; }
    /// <summary>Disabled state.</summary>
    public bool? Disabled { get; init; }
    /// <summary>Select options (≤25).</summary>
    public IReadOnlyList<SelectOption>? Options { get; init; }
    /// <summary>Select or text input placeholder.</summary>
    public string? Placeholder { get; init; }
    /// <summary>Select minimum choices.</summary>
    public int? MinValues { get; init; }
    /// <summary>Select maximum choices.</summary>
    public int? MaxValues { get; init; }
    /// <summary>Text input minimum length (0–4000).</summary>
    public int? MinLength { get; init; }
    /// <summary>Text input maximum length (1–4000).</summary>
    public int? MaxLength { get; init; }
    /// <summary>Whether a text input must be filled.</summary>
    public bool? Required { get; init; }
    /// <summary>Text input value (pre-filled, or submitted).</summary>
    public string? Value { get; init; }
    /// <summary>Selected values in a submitted select.</summary>
    public IReadOnlyList<string>? Values { get; init; }
    /// <summary>Children of an action row.</summary>
    public IReadOnlyList<Component>? Components { get; init; }
    /// <summary>The single child of a Label (JSON <c>component</c>).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("component")]
    public Component? Child { get; init; }

    /// <summary>An action row holding up to five buttons or one select.</summary>
    public static Component Row(params Component[] children) => new() { Type = ComponentType.ActionRow, Components = children };

    /// <summary>An interactive button.</summary>
    public static Component Button(string customId, string label, ButtonStyle style = ButtonStyle.Secondary, bool disabled = false) =>
        new() { Type = ComponentType.Button, CustomId = customId, Label = label, Style = (int)style, Disabled = disabled ? true : null };

    /// <summary>A link button.</summary>
    public static Component LinkButton(string url, string label) =>
        new() { Type = ComponentType.Button, Url = url, Label = label, Style = (int)ButtonStyle.Link };

    /// <summary>A string select.</summary>
    public static Component Select(string customId, IReadOnlyList<SelectOption> options, string? placeholder = null) =>
        new() { Type = ComponentType.StringSelect, CustomId = customId, Options = options, Placeholder = placeholder };

    /// <summary>Markdown text shown as is (in a modal: above or between the inputs, never cut like a label).</summary>
    public static Component TextDisplay(string content) => new() { Type = ComponentType.TextDisplay, Content = content };

    /// <summary>A text input wrapped in a Label, the layout Discord recommends for modals.</summary>
    public static Component LabeledTextInput(string customId, string label, TextInputStyle style, int maxLength,
        bool required = true, string? placeholder = null, string? value = null, string? description = null, int? minLength = null) =>
        new()
        {
            Type = ComponentType.Label,
            Label = label,
            Description = description,
            Child = new Component
            {
                Type = ComponentType.TextInput, CustomId = customId, Style = (int)style, MaxLength = maxLength,
                MinLength = minLength, Required = required, Placeholder = placeholder, Value = value,
            },
        };
}

/// <summary>An option of a string select; label, value and description ≤100 characters.</summary>
public sealed record SelectOption(string Label, string Value, string? Description = null, bool? Default = null);
