namespace Bot.Discord;

/// <summary>
/// Documented message, embed, component and command limits (docs: message "Embed Limits", components reference,
/// application commands). Several are stricter than Discord's OpenAPI spec, which for example allows content of 4000.
/// Lengths are counted in UTF-16 units, which is never fewer than Discord's count.
/// </summary>
internal static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int FooterText = 2048;
    public const int EmbedUrl = 2048;
    public const int EmbedTotal = 6000;
    public const int MaxColor = 0xFFFFFF;

    public const int ActionRows = 5;
    public const int ButtonsPerRow = 5;
    public const int ButtonLabel = 80;
    public const int CustomId = 100;

    public const int AutocompleteChoices = 25;
    public const int ChoiceName = 100;
    public const int ChoiceStringValue = 100;

    public const int CommandName = 32;
    public const int CommandDescription = 100;
    public const int CommandOptions = 25;
    public const int CommandTotalText = 8000;

    public const int Nonce = 25;
}
