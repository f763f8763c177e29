namespace BondBot.FakeDiscord; internal static class Placeholder {}
