using BondBot.Discord;
using BondBot.Discord.Rest;

namespace BondBot.Discord.Tests.Models;

public sealed class LimitValidationTests
{
    private static string Text(int length) => new('a', length);

    [Fact]
    public void Content_at_the_limit_passes_and_one_more_fails_naming_the_field()
    {
        PayloadValidator.Validate(new MessagePayload { Content = Text(2000) }, isInteractionResponse: false);
        var e = Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new MessagePayload { Content = Text(2001) }, false));
        Assert.Equal("content", e.Field);
    }

    [Theory]
    [InlineData(4096, true)]
    [InlineData(4097, false)]
    public void Embed_description_limit(int length, bool ok)
    {
        var payload = new MessagePayload { Embeds = [new Embed { Description = Text(length) }] };
        if (ok) PayloadValidator.Validate(payload, false);
        else Assert.Equal("embeds[0].description", Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(payload, false)).Field);
    }

    [Fact]
    public void All_embeds_together_may_not_exceed_6000_characters()
    {
        var payload = new MessagePayload { Embeds = [new Embed { Description = Text(4000) }, new Embed { Description = Text(2001) }] };
        Assert.Equal("embeds", Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(payload, false)).Field);
    }

    [Fact]
    public void Field_value_over_1024_and_more_than_25_fields_fail()
    {
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new MessagePayload { Embeds = [new Embed { Fields = [new EmbedField("n", Text(1025))] }] }, false));
        var fields = Enumerable.Range(0, 26).Select(i => new EmbedField("n", "v")).ToList();
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new MessagePayload { Embeds = [new Embed { Fields = fields }] }, false));
    }

    [Fact]
    public void Components_limits_rows_buttons_custom_ids_and_selects()
    {
        Component Button(int i) => Component.Button($"b{i}", "x");
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new MessagePayload { Components = Enumerable.Range(0, 6).Select(i => Component.Row(Button(i))).ToList() }, false));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new MessagePayload { Components = [Component.Row(Enumerable.Range(0, 6).Select(Button).ToArray())] }, false));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new MessagePayload { Components = [Component.Row(Component.Button(Text(101), "x"))] }, false));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new MessagePayload { Components = [Component.Row(Button(1)), Component.Row(Button(1))] }, false));
        var options = Enumerable.Range(0, 26).Select(i => new SelectOption($"l{i}", $"v{i}")).ToList();
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new MessagePayload { Components = [Component.Row(Component.Select("s", options))] }, false));
        PayloadValidator.Validate(new MessagePayload { Components = [Component.Row(Component.Button(Text(100), Text(80)))] }, false);
    }

    [Fact]
    public void Ephemeral_flag_is_refused_on_channel_messages_but_allowed_on_interaction_replies()
    {
        var payload = new MessagePayload { Content = "x", Flags = MessageFlags.Ephemeral };
        PayloadValidator.Validate(payload, isInteractionResponse: true);
        Assert.Equal("flags", Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(payload, false)).Field);
    }

    [Fact]
    public void Empty_messages_and_long_nonces_are_refused()
    {
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new MessagePayload(), false));
        Assert.Equal("nonce", Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new MessagePayload { Content = "x", Nonce = Text(26) }, false)).Field);
    }

    [Fact]
    public void Modal_limits_title_components_and_text_input_lengths()
    {
        var input = Component.LabeledTextInput("a", "Answer", TextInputStyle.Paragraph, 4000);
        PayloadValidator.Validate(new ModalPayload("m", Text(45), [input]));
        Assert.Equal("title", Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new ModalPayload("m", Text(46), [input]))).Field);
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new ModalPayload("m", "t", Enumerable.Repeat(input, 6).ToList())));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new ModalPayload("m", "t", [Component.LabeledTextInput("a", "x", TextInputStyle.Short, 4001)])));
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new ModalPayload("m", "t", [Component.LabeledTextInput("a", Text(46), TextInputStyle.Short, 10)])));
    }

    [Fact]
    public void A_modal_text_display_holds_1_to_4000_characters()
    {
        var input = Component.LabeledTextInput("a", "Answer", TextInputStyle.Paragraph, 4000);
        PayloadValidator.Validate(new ModalPayload("m", "t", [Component.TextDisplay(Text(4000)), input]));
        Assert.Equal("components[0].content", Assert.Throws<DiscordLimitException>(() =>
            PayloadValidator.Validate(new ModalPayload("m", "t", [Component.TextDisplay(Text(4001)), input]))).Field);
        Assert.Throws<DiscordLimitException>(() => PayloadValidator.Validate(new ModalPayload("m", "t", [Component.TextDisplay(""), input])));
    }

    [Fact]
    public void Command_names_descriptions_and_option_order_are_checked()
    {
        ApplicationCommand Cmd(string name, string description = "d", IReadOnlyList<CommandOption>? options = null) => new() { Name = name, Description = description, Options = options };
        CommandValidator.Validate([Cmd("question"), Cmd("pair-up"), Cmd("ça_va")]);
        Assert.Throws<DiscordLimitException>(() => CommandValidator.Validate([Cmd("Question")]));
        Assert.Throws<DiscordLimitException>(() => CommandValidator.Validate([Cmd("has space")]));
        Assert.Throws<DiscordLimitException>(() => CommandValidator.Validate([Cmd(Text(33))]));
        Assert.Throws<DiscordLimitException>(() => CommandValidator.Validate([Cmd("x", Text(101))]));
        Assert.Throws<DiscordLimitException>(() => CommandValidator.Validate([Cmd("x"), Cmd("x")]));
        var optional = new CommandOption { Type = CommandOptionType.String, Name = "a", Description = "d" };
        var required = optional with { Name = "b", Required = true };
        Assert.Throws<DiscordLimitException>(() => CommandValidator.Validate([Cmd("x", options: [optional, required])]));
        Assert.Throws<DiscordLimitException>(() => CommandValidator.Validate([Cmd("x", options: [optional with { Autocomplete = true, Choices = [CommandChoice.Of("a", "a")] }])]));
    }

    [Fact]
    public void Truncate_keeps_within_the_limit_and_never_splits_a_surrogate_pair()
    {
        Assert.Equal("abc", DiscordLimits.Truncate("abc", 5));
        Assert.Equal("ab…", DiscordLimits.Truncate("abcdef", 3));
        var emoji = "a😀😀😀";
        var cut = DiscordLimits.Truncate(emoji, 4);
        Assert.True(cut.Length <= 4);
        Assert.False(char.IsHighSurrogate(cut[^2]));
    }
}
