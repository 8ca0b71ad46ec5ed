using System.ComponentModel.DataAnnotations;
using Bot.Outbox;

namespace Bot.Tests.Outbox;

public sealed class OutboxOptionsTests
{
    private static List<ValidationResult> Validate(OutboxOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Validate_Defaults_AreValid() => Assert.Empty(Validate(new OutboxOptions()));

    [Theory]
    [InlineData(60, 15)]
    [InlineData(10, 3)]
    [InlineData(4, 2)]
    public void Validate_TurnWaitAndTwoRequestsDoNotFitInTheLease_IsRefused(int lease, int httpTimeout)
    {
        var error = Assert.Single(Validate(new OutboxOptions { LeaseSeconds = lease, HttpTimeoutSeconds = httpTimeout }));

        Assert.Contains("Outbox__LeaseSeconds / 2 + 2 × Outbox__HttpTimeoutSeconds", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60, 14)]
    [InlineData(10, 2)]
    public void Validate_TurnWaitAndTwoRequestsFitInTheLease_IsAccepted(int lease, int httpTimeout) =>
        Assert.Empty(Validate(new OutboxOptions { LeaseSeconds = lease, HttpTimeoutSeconds = httpTimeout }));
}
