namespace BondBot.Discord; internal static class Placeholder {}
