using Bot.Answering;
using YamlDotNet.RepresentationModel;

namespace Bot.Tests.Answering;

public sealed class YamlDataTests
{
    [Theory]
    [InlineData("groups:\n  - [a, b\n", ".yaml:3: ")]
    [InlineData("groups: a\n", ".yaml:1: expected a mapping with a 'groups' list")]
    [InlineData("other: [a]\n", ".yaml:1: expected a mapping with a 'groups' list")]
    [InlineData("- a\n", ".yaml:1: expected a mapping with a 'groups' list")]
    public void Load_FileThatDoesNotParseOrLacksTheKey_NamesFileAndLine(string yaml, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"data-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => YamlData.Load<YamlSequenceNode>(path, "groups", "a mapping with a 'groups' list"));
            Assert.StartsWith(path + expected[".yaml".Length..], error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_GoodFile_GivesTheNodeUnderTheKey()
    {
        var path = Path.Combine(Path.GetTempPath(), $"data-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "# a comment\ngroups:\n  - [a, b]\n");
        try
        {
            var (root, groups) = YamlData.Load<YamlSequenceNode>(path, "groups", "a mapping with a 'groups' list");
            Assert.Single(root.Children);
            Assert.Equal(3, (int)Assert.Single(groups.Children).Start.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
