namespace BondBot.Interactions;

/// <summary>Someone's own words shown back as a Markdown block quote, line by line, so a multi-line answer stays one
/// quote and nothing in it reads as BondBot's text.</summary>
public static class Quote
{
    public static string Lines(string text) => string.Join('\n', text.Split('\n').Select(l => "> " + l));
}
