namespace BondBot.Features.Guess;

/// <summary>One guessing round: <see cref="AnswererId"/> answers <see cref="AskText"/> about themselves,
/// <see cref="GuesserId"/> guesses (<see cref="GuessText"/> keeps its <c>{partner}</c> placeholder). Both texts are
/// hidden until both are in; <see cref="Mark"/> is the answerer's word on the guess after the reveal.</summary>
public sealed record GuessRound(long GuessId, long PairId, string PromptId, string AskText, string GuessText, ulong AnswererId, ulong GuesserId,
    string Status, string? Answer, string? Guess, string? Mark)
{
    public bool IsOpen => Status == "open";
    public bool IsRevealed => Status == "revealed";
    public bool Answered => Answer is not null;
    public bool Guessed => Guess is not null;
}

/// <summary>Which half of a round a text fills.</summary>
public enum GuessSide { Answer, Guess }

/// <summary>The answerer's word on a guess. Warm in every case; never a score.</summary>
public enum GuessMark { SpotOn, Close, NotQuite }

public static class GuessMarks
{
    public static string Key(GuessMark mark) => mark switch
    {
        GuessMark.SpotOn => "spot-on",
        GuessMark.Close => "close",
        _ => "not-quite",
    };

    public static GuessMark? Parse(string? key) => key switch
    {
        "spot-on" => GuessMark.SpotOn,
        "close" => GuessMark.Close,
        "not-quite" => GuessMark.NotQuite,
        _ => null,
    };

    public static string Label(GuessMark mark) => mark switch
    {
        GuessMark.SpotOn => "Spot on",
        GuessMark.Close => "Close",
        _ => "Not quite",
    };
}

public enum GuessSaveOutcome { Saved, Updated, Revealed, Closed, NotYours, NotInPair, Empty, TooLong, UnknownChoice }

/// <summary>What happened to an answer or a guess; <see cref="Played"/> is the pair's tally when this call revealed.</summary>
public sealed record GuessSaveResult(GuessSaveOutcome Outcome, GuessRound? Round = null, int Played = 0);
