namespace BondBot.Discord.Rest;

/// <summary>
/// Checks outgoing payloads against <see cref="DiscordLimits"/> before they are sent. Lengths are counted in
/// UTF-16 code units, which is never fewer than the characters Discord counts, so a passing payload fits.
/// </summary>
internal static class PayloadValidator
{
    public static void Validate(MessagePayload message, bool isInteractionResponse, bool requireBody = true)
    {
        MaxLength(message.Content, DiscordLimits.Content, "content");
        var embeds = message.Embeds ?? [];
        if (embeds.Count > DiscordLimits.EmbedsPerMessage)
            Fail("embeds", $"at most {DiscordLimits.EmbedsPerMessage} embeds");
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
            total += ValidateEmbed(embeds[i], $"embeds[{i}]");
        if (total > DiscordLimits.EmbedTotal)
            Fail("embeds", $"all embed text together must be at most {DiscordLimits.EmbedTotal} characters, was {total}");
        ValidateMessageComponents(message.Components);
        if (message.Nonce is { } nonce && (nonce.Length == 0 || nonce.Length > DiscordLimits.Nonce))
            Fail("nonce", $"1–{DiscordLimits.Nonce} characters");
        if (!isInteractionResponse && message.Flags is { } flags && flags.HasFlag(MessageFlags.Ephemeral))
            Fail("flags", "EPHEMERAL is only allowed on interaction responses");
        if (requireBody && string.IsNullOrEmpty(message.Content) && embeds.Count == 0 && (message.Components?.Count ?? 0) == 0 && (message.Attachments?.Count ?? 0) == 0)
            Fail("content", "a message needs content, embeds, components or files");
    }

    public static void Validate(ModalPayload modal)
    {
        CustomId(modal.CustomId, "custom_id");
        if (string.IsNullOrEmpty(modal.Title) || modal.Title.Length > DiscordLimits.ModalTitle)
            Fail("title", $"1–{DiscordLimits.ModalTitle} characters");
        if (modal.Components.Count is 0 or > DiscordLimits.ModalComponents)
            Fail("components", $"1–{DiscordLimits.ModalComponents} components");
        for (var i = 0; i < modal.Components.Count; i++)
        {
            var item = modal.Components[i];
            var path = $"components[{i}]";
            switch (item.Type)
            {
                case ComponentType.Label:
                    NonEmptyMax(item.Label, DiscordLimits.Label, path + ".label");
                    MaxLength(item.Description, DiscordLimits.LabelDescription, path + ".description");
                    if (item.Child is null) Fail(path + ".component", "a Label needs a component");
                    ValidateTextInput(item.Child!, path + ".component");
                    break;
                case ComponentType.ActionRow when item.Components is [var input]:
                    NonEmptyMax(input.Label, DiscordLimits.Label, path + ".components[0].label");
                    ValidateTextInput(input, path + ".components[0]");
                    break;
                case ComponentType.TextDisplay:
                    NonEmptyMax(item.Content, DiscordLimits.TextDisplay, path + ".content");
                    break;
                default:
                    Fail(path, "a modal holds Labels, text displays, or action rows with one text input");
                    break;
            }
        }
    }

    public static void ValidateChoices(IReadOnlyList<CommandChoice> choices, string path)
    {
        if (choices.Count > DiscordLimits.Choices)
            Fail(path, $"at most {DiscordLimits.Choices} choices");
        for (var i = 0; i < choices.Count; i++)
        {
            NonEmptyMax(choices[i].Name, DiscordLimits.ChoiceText, $"{path}[{i}].name");
            if (choices[i].Value.ValueKind == System.Text.Json.JsonValueKind.String)
                MaxLength(choices[i].Value.GetString(), DiscordLimits.ChoiceText, $"{path}[{i}].value");
        }
    }

    public static void Validate(CreateGuildChannelRequest channel)
    {
        NonEmptyMax(channel.Name, DiscordLimits.ChannelName, "name");
        MaxLength(channel.Topic, DiscordLimits.ChannelTopic, "topic");
    }

    private static int ValidateEmbed(Embed embed, string path)
    {
        var total = 0;
        total += MaxLength(embed.Title, DiscordLimits.EmbedTitle, path + ".title");
        total += MaxLength(embed.Description, DiscordLimits.EmbedDescription, path + ".description");
        total += MaxLength(embed.Footer?.Text, DiscordLimits.EmbedFooter, path + ".footer.text");
        total += MaxLength(embed.Author?.Name, DiscordLimits.EmbedAuthor, path + ".author.name");
        var fields = embed.Fields ?? [];
        if (fields.Count > DiscordLimits.EmbedFields)
            Fail(path + ".fields", $"at most {DiscordLimits.EmbedFields} fields");
        for (var i = 0; i < fields.Count; i++)
        {
            total += NonEmptyMax(fields[i].Name, DiscordLimits.EmbedFieldName, $"{path}.fields[{i}].name");
            total += NonEmptyMax(fields[i].Value, DiscordLimits.EmbedFieldValue, $"{path}.fields[{i}].value");
        }
        return total;
    }

    private static void ValidateMessageComponents(IReadOnlyList<Component>? rows)
    {
        if (rows is null) return;
        if (rows.Count > DiscordLimits.ActionRows)
            Fail("components", $"at most {DiscordLimits.ActionRows} action rows");
        var customIds = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            var path = $"components[{r}]";
            if (rows[r].Type != ComponentType.ActionRow || rows[r].Components is not { Count: > 0 } children)
                Fail(path, "top-level components must be non-empty action rows");
            else
                ValidateRow(children, path, customIds);
        }
    }

    private static void ValidateRow(IReadOnlyList<Component> children, string path, HashSet<string> customIds)
    {
        var selects = children.Count(c => c.Type == ComponentType.StringSelect);
        if (selects > 0 && children.Count > 1)
            Fail(path, "a row with a select holds nothing else");
        if (children.Count > DiscordLimits.ButtonsPerRow)
            Fail(path, $"at most {DiscordLimits.ButtonsPerRow} buttons per row");
        for (var i = 0; i < children.Count; i++)
        {
            var c = children[i];
            var at = $"{path}.components[{i}]";
            if (c.Type == ComponentType.Button && c.Style == (int)ButtonStyle.Link)
            {
                if (string.IsNullOrEmpty(c.Url)) Fail(at + ".url", "a link button needs a url");
            }
            else
            {
                CustomId(c.CustomId, at + ".custom_id");
                if (!customIds.Add(c.CustomId!)) Fail(at + ".custom_id", "custom_id must be unique within the message");
            }
            if (c.Type == ComponentType.Button)
                MaxLength(c.Label, DiscordLimits.ButtonLabel, at + ".label");
            if (c.Type == ComponentType.StringSelect)
                ValidateSelect(c, at);
        }
    }

    private static void ValidateSelect(Component select, string path)
    {
        var options = select.Options ?? [];
        if (options.Count is 0 or > DiscordLimits.SelectOptions)
            Fail(path + ".options", $"1–{DiscordLimits.SelectOptions} options");
        MaxLength(select.Placeholder, DiscordLimits.SelectPlaceholder, path + ".placeholder");
        for (var i = 0; i < options.Count; i++)
        {
            NonEmptyMax(options[i].Label, DiscordLimits.SelectOptionText, $"{path}.options[{i}].label");
            NonEmptyMax(options[i].Value, DiscordLimits.SelectOptionText, $"{path}.options[{i}].value");
            MaxLength(options[i].Description, DiscordLimits.SelectOptionText, $"{path}.options[{i}].description");
        }
    }

    private static void ValidateTextInput(Component input, string path)
    {
        if (input.Type != ComponentType.TextInput) Fail(path, "expected a text input");
        CustomId(input.CustomId, path + ".custom_id");
        if (input.MaxLength is { } max && max is < 1 or > DiscordLimits.TextInputValue)
            Fail(path + ".max_length", $"1–{DiscordLimits.TextInputValue}");
        if (input.MinLength is { } min && (min is < 0 or > DiscordLimits.TextInputValue || min > (input.MaxLength ?? DiscordLimits.TextInputValue)))
            Fail(path + ".min_length", $"0–{DiscordLimits.TextInputValue} and not above max_length");
        MaxLength(input.Value, input.MaxLength ?? DiscordLimits.TextInputValue, path + ".value");
        MaxLength(input.Placeholder, DiscordLimits.TextInputPlaceholder, path + ".placeholder");
    }

    private static void CustomId(string? id, string path)
    {
        if (string.IsNullOrEmpty(id) || id.Length > DiscordLimits.CustomId)
            Fail(path, $"1–{DiscordLimits.CustomId} characters");
    }

    private static int NonEmptyMax(string? value, int max, string path)
    {
        if (string.IsNullOrWhiteSpace(value)) Fail(path, "must not be empty");
        return MaxLength(value, max, path);
    }

    private static int MaxLength(string? value, int max, string path)
    {
        var length = value?.Trim().Length ?? 0;
        if (length > max) Fail(path, $"at most {max} characters, was {length}");
        return length;
    }

    private static void Fail(string field, string message) => throw new DiscordLimitException(field, message);
}
