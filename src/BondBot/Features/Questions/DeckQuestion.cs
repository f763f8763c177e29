namespace BondBot.Features.Questions;

/// <summary>One question card. <see cref="Key"/> is the deck id, or <c>custom:N</c> for a guild's own question.</summary>
public sealed record DeckQuestion(string Key, string Category, int Depth, string Text);
