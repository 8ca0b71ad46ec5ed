using Bot.Facts;

namespace Bot.Tests.Facts;

public sealed class FactBaseLoaderTests
{
    private static FactLoadResult Load(FactFolder folder) => new FactBaseLoader(TimeProvider.System).Load(folder.Path);

    private static void AssertSingleError(FactLoadResult result, string file, int line, string fragment)
    {
        Assert.Null(result.FactBase);
        var error = Assert.Single(result.Errors);
        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidFolder_ReturnsSnapshotWithFactsAndSources()
    {
        using var folder = FactFolder.Minimal();

        var result = Load(folder);

        Assert.Empty(result.Errors);
        var fb = Assert.IsType<FactBase>(result.FactBase);
        var akazawa = Assert.IsType<Fact>(fb.Find("ryosei-akazawa"));
        Assert.Equal(FactKind.Person, akazawa.Kind);
        Assert.Equal(Side.Japan, akazawa.Side);
        Assert.Equal(new PartialDate(2025, 10, 21), akazawa.Roles[0].To);
        Assert.Equal("Test Wire", Assert.Single(fb.SourcesOf(akazawa)).Publisher);
        Assert.Equal(64, fb.Version.Length);
    }

    [Fact]
    public void Load_UnknownKey_NamesFileAndLine()
    {
        using var folder = FactFolder.Minimal().Write("people.yaml", FactFolder.MinimalPeople.Replace("    side: japan", "    side: japan\n    nickname: Aka", StringComparison.Ordinal));

        AssertSingleError(Load(folder), folder.Display("people.yaml"), 5, "unknown key 'nickname'");
    }

    [Fact]
    public void Load_MissingSources_NamesFileAndLine()
    {
        using var folder = FactFolder.Minimal().Write("people.yaml", FactFolder.MinimalPeople.Replace("    sources: [s1]\n    aliases", "    aliases", StringComparison.Ordinal));

        AssertSingleError(Load(folder), folder.Display("people.yaml"), 2, "missing required list 'sources'");
    }

    [Fact]
    public void Load_DanglingSourceId_NamesFileAndLine()
    {
        using var folder = FactFolder.Minimal().Write("people.yaml", FactFolder.MinimalPeople.Replace("    sources: [s1]\n    aliases", "    sources: [s1, s99]\n    aliases", StringComparison.Ordinal));

        AssertSingleError(Load(folder), folder.Display("people.yaml"), 2, "unknown source 's99'");
    }

    [Fact]
    public void Load_DanglingPersonId_NamesFileAndLine()
    {
        using var folder = FactFolder.Minimal().Write("rounds.yaml", """
            rounds:
              - id: round-1
                number: 1
                title: Round 1
                date: 2025-04-16
                japan: [ryosei-akazawa]
                us: [scott-bessent]
                text: First round.
                as_of: 2025-04-18
                sources: [s1]
                phrasings: ["round 1"]
            """);

        AssertSingleError(Load(folder), folder.Display("rounds.yaml"), 2, "unknown person 'scott-bessent'");
    }

    /// <summary>Round 1 with an overview of <paramref name="parts"/>, named "the first round".</summary>
    private static string RoundWithOverview(string parts) => $$"""
        rounds:
          - id: round-1
            number: 1
            title: Round 1
            date: 2025-04-16
            japan: [ryosei-akazawa]
            text: First round.
            as_of: 2025-04-18
            sources: [s1]
            phrasings: ["round 1"]
            overview:
              names: [the first round]
              parts: [{{parts}}]
        """;

    [Fact]
    public void Load_Overview_ReadsNamesAndPartsInOrder()
    {
        using var folder = FactFolder.Minimal().Write("rounds.yaml", RoundWithOverview("ryosei-akazawa"));

        var result = Load(folder);

        Assert.Empty(result.Errors);
        var overview = Assert.IsType<Overview>(result.FactBase!.Find("round-1")!.Overview);
        Assert.Equal(["the first round"], overview.Names);
        Assert.Equal(["ryosei-akazawa"], overview.Parts);
    }

    [Theory]
    [InlineData("ryosei-akazawa, round-9", "lists unknown fact 'round-9' in its overview")]
    [InlineData("round-1", "lists itself in its overview")]
    [InlineData("ryosei-akazawa, ryosei-akazawa", "lists 'ryosei-akazawa' twice in its overview")]
    public void Load_OverviewWithABadPart_NamesFileAndLine(string parts, string fragment)
    {
        using var folder = FactFolder.Minimal().Write("rounds.yaml", RoundWithOverview(parts));

        AssertSingleError(Load(folder), folder.Display("rounds.yaml"), 2, fragment);
    }

    [Fact]
    public void Load_OverviewWithoutNames_NamesFileAndLine()
    {
        using var folder = FactFolder.Minimal().Write("rounds.yaml", RoundWithOverview("ryosei-akazawa").Replace("      names: [the first round]\n", "", StringComparison.Ordinal));

        AssertSingleError(Load(folder), folder.Display("rounds.yaml"), 12, "missing required list 'names'");
    }

    /// <summary>A figure whose rate is in force as <paramref name="inForce"/> says.</summary>
    private static string FigureInForce(string inForce) => $$"""
        figures:
          - id: car-rate
            title: Car tariff
            amount: {value: 15, unit: "%", display: "15%"}
            in_force: {{inForce}}
            text: 15% on cars.
            as_of: 2025-09-16
            sources: [s1]
            phrasings: ["car tariff"]
        """;

    [Fact]
    public void Load_InForce_ReadsGoodsAndDays()
    {
        using var folder = FactFolder.Minimal().Write("figures.yaml", FigureInForce("{on: [cars, auto parts], from: 2025-09-16}"));

        var result = Load(folder);

        Assert.Empty(result.Errors);
        var inForce = Assert.IsType<InForce>(result.FactBase!.Find("car-rate")!.InForce);
        Assert.Equal(["cars", "auto parts"], inForce.On);
        Assert.True(PartialDate.TryParse("2025-09-16", out var from));
        Assert.Equal(from, inForce.From);
        Assert.Null(inForce.To);
    }

    [Theory]
    [InlineData("{on: [cars], from: 2025-09-16, to: 2025-04-02}", "in_force ends (2025-04-02) before it starts (2025-09-16)")]
    [InlineData("{on: [], from: 2025-09-16}", "'on' must not be empty")]
    [InlineData("{from: 2025-09-16}", "missing required list 'on'")]
    [InlineData("{on: [cars], since: 2025-09-16}", "unknown key 'since' in in_force")]
    [InlineData("[cars]", "in_force must be a mapping")]
    public void Load_InForceMalformed_NamesFileAndLine(string inForce, string fragment)
    {
        using var folder = FactFolder.Minimal().Write("figures.yaml", FigureInForce(inForce));

        AssertSingleError(Load(folder), folder.Display("figures.yaml"), 5, fragment);
    }

    [Fact]
    public void Load_DuplicateId_NamesSecondDefinitionAndFirst()
    {
        using var folder = FactFolder.Minimal().Write("events.yaml", """
            events:
              - id: ryosei-akazawa
                title: Clash
                date: 2025-04-08
                text: Same id as a person.
                as_of: 2025-04-08
                sources: [s1]
                phrasings: ["clash"]
            """);

        var result = Load(folder);

        AssertSingleError(result, folder.Display("people.yaml"), 2, "duplicate id 'ryosei-akazawa'");
        Assert.Contains(folder.Display("events.yaml") + ":2", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateSourceId_NamesFileAndLine()
    {
        using var folder = FactFolder.Minimal().Write("sources.yaml", FactFolder.MinimalSources + "\n" + """
              - id: s1
                publisher: Other Wire
                title: Another
                url: https://example.org/b
                date: 2025-05-02
            """);

        AssertSingleError(Load(folder), folder.Display("sources.yaml"), 7, "duplicate source id 's1'");
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("2025-02-30")]
    [InlineData("May 1")]
    [InlineData("25-05-01")]
    public void Load_BadDate_NamesFileAndLine(string bad)
    {
        using var folder = FactFolder.Minimal().Write("people.yaml", FactFolder.MinimalPeople.Replace("    as_of: 2025-05-01", $"    as_of: {bad}", StringComparison.Ordinal));

        AssertSingleError(Load(folder), folder.Display("people.yaml"), 11, "bad date");
    }

    [Fact]
    public void Load_EmptyPhrasings_NamesFileAndLine()
    {
        using var folder = FactFolder.Minimal().Write("people.yaml", FactFolder.MinimalPeople.Replace("    phrasings: [\"who is akazawa\"]", "    phrasings: []", StringComparison.Ordinal));

        AssertSingleError(Load(folder), folder.Display("people.yaml"), 14, "'phrasings' must not be empty");
    }

    [Fact]
    public void Load_BlankPhrasing_NamesFileAndLine()
    {
        using var folder = FactFolder.Minimal().Write("people.yaml", FactFolder.MinimalPeople.Replace("    phrasings: [\"who is akazawa\"]", "    phrasings: [\"who is akazawa\", \"  \"]", StringComparison.Ordinal));

        AssertSingleError(Load(folder), folder.Display("people.yaml"), 14, "'phrasings' has an empty entry");
    }

    [Fact]
    public void Load_MorePhrasingsThanTheSchemaAllows_NamesFileAndLine()
    {
        var many = string.Join(", ", Enumerable.Range(1, FactBaseLoader.MaxPhrasings + 1).Select(i => $"\"who is akazawa {i}\""));
        using var folder = FactFolder.Minimal().Write("people.yaml", FactFolder.MinimalPeople.Replace("    phrasings: [\"who is akazawa\"]", $"    phrasings: [{many}]", StringComparison.Ordinal));

        AssertSingleError(Load(folder), folder.Display("people.yaml"), 14, "26 phrasings, more than the 25 a fact may have");
    }

    [Fact]
    public void Load_UnusedSource_NamesFileAndLine()
    {
        using var folder = FactFolder.Minimal().Write("sources.yaml", FactFolder.MinimalSources + "\n" + """
              - id: s2
                publisher: Other Wire
                title: Never cited
                url: https://example.org/b
                date: 2025-05-02
            """);

        AssertSingleError(Load(folder), folder.Display("sources.yaml"), 7, "source 's2' is not cited");
    }

    [Fact]
    public void Load_YamlSyntaxError_NamesFileAndLine()
    {
        using var folder = FactFolder.Minimal().Write("people.yaml", FactFolder.MinimalPeople.Replace("    side: japan", "    side: [japan", StringComparison.Ordinal));

        var result = Load(folder);

        Assert.Null(result.FactBase);
        Assert.Contains(result.Errors, e => e.File == folder.Display("people.yaml") && e.Message.StartsWith("YAML syntax error", StringComparison.Ordinal) && e.Line >= 4);
    }

    [Fact]
    public void Load_UnknownFile_IsAnError()
    {
        using var folder = FactFolder.Minimal().Write("rumours.yaml", "rumours: []");

        AssertSingleError(Load(folder), folder.Display("rumours.yaml"), 1, "unexpected file 'rumours.yaml'");
    }

    [Fact]
    public void Load_SeveralErrors_ReportsAllNotJustTheFirst()
    {
        using var folder = FactFolder.Minimal().Write("people.yaml", FactFolder.MinimalPeople
            .Replace("    side: japan", "    side: mars\n    colour: red", StringComparison.Ordinal)
            .Replace("    as_of: 2025-05-01", "    as_of: someday", StringComparison.Ordinal));

        var result = Load(folder);

        Assert.Null(result.FactBase);
        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Message.Contains("side 'mars'", StringComparison.Ordinal) && e.Line == 4);
        Assert.Contains(result.Errors, e => e.Message.Contains("unknown key 'colour'", StringComparison.Ordinal) && e.Line == 5);
        Assert.Contains(result.Errors, e => e.Message.Contains("bad date 'someday'", StringComparison.Ordinal) && e.Line == 12);
    }

    [Fact]
    public void Load_FileGoneBetweenListingAndOpening_IsAnErrorNamingTheFile()
    {
        // A dangling link is listed as a file but cannot be opened, as a file deleted mid-reload would be.
        using var folder = FactFolder.Minimal();
        File.CreateSymbolicLink(Path.Combine(folder.Path, "events.yaml"), Path.Combine(folder.Path, "gone.yaml"));

        var result = Load(folder);

        Assert.Null(result.FactBase);
        var error = Assert.Single(result.Errors);
        Assert.Equal(folder.Display("events.yaml"), error.File);
        Assert.StartsWith("cannot read the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_IsAnErrorNotAnException()
    {
        var result = new FactBaseLoader(TimeProvider.System).Load("/nonexistent/facts");

        Assert.Null(result.FactBase);
        Assert.Contains("not found", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameContentDifferentFormatting_HasSameVersion()
    {
        using var a = FactFolder.Minimal();
        using var b = FactFolder.Minimal().Write("people.yaml", "# a comment\n" + FactFolder.MinimalPeople.Replace("aliases: [Akazawa Ryosei, Akazawa]", "aliases:\n      - Akazawa Ryosei\n      - Akazawa", StringComparison.Ordinal));

        Assert.Equal(Load(a).FactBase!.Version, Load(b).FactBase!.Version);
    }

    [Fact]
    public void Load_ChangedText_ChangesVersion()
    {
        using var a = FactFolder.Minimal();
        using var b = FactFolder.Minimal().Write("people.yaml", FactFolder.MinimalPeople.Replace("chief negotiator", "lead negotiator", StringComparison.Ordinal));

        Assert.NotEqual(Load(a).FactBase!.Version, Load(b).FactBase!.Version);
    }
}
