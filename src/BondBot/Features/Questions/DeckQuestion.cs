namespace BondBot.Features.Questions;

/// <summary>Who a card suits, beyond its category and depth: the serving tags every deck card carries.</summary>
public enum Distance { Any, Apart, Together }

/// <summary><see cref="Established"/> cards assume shared history ("our running jokes"): not for a pair's first weeks.</summary>
public enum Stage { Any, Established }

/// <summary>One question card. <see cref="Key"/> is the deck id, or <c>custom:N</c> for a guild's own question.
/// <see cref="Solo"/> cards make sense answered alone (about oneself), for people without a partner right now.</summary>
public sealed record DeckQuestion(string Key, string Category, int Depth, string Text,
    bool Solo = false, Distance Distance = Distance.Any, Stage Stage = Stage.Any);
