using System.Text;

namespace BondBot.Features.Story;

/// <summary>Text that is not a quote (names, labels, question titles) escaped so it can't turn into a heading, a list,
/// emphasis or a link in the Markdown file.</summary>
public static class StoryMarkdown
{
    private const string Special = "\\`*_[]<>#|~";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (Special.Contains(c))
                builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }
}
