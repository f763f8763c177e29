using BondBot.Discord.Gateway;

namespace BondBot.Discord.Tests.Gateway;

/// <summary>Records print all their members by default; the ones that carry the token must never print it.</summary>
public sealed class TokenRedactionTests
{
    private const string Token = "MTA.secret-token.value";

    [Fact]
    public void Identify_resume_and_identity_records_never_print_the_token()
    {
        var identity = new GatewayIdentity(Token, 4097);
        foreach (var text in new[] { identity.ToString(), identity.ToIdentify().ToString(), new ResumeData(Token, "session", 42).ToString() })
        {
            Assert.DoesNotContain(Token, text);
            Assert.Contains("[redacted]", text);
        }
        Assert.Equal(Token, identity.ToIdentify().Token);   // what is sent is unchanged
    }
}
