using System.Reflection;
using Bot.Facts;

namespace Bot.Tests.Architecture;

/// <summary>The core (facts, answering, commands, subscriptions, outbox) speaks only our own types.</summary>
public sealed class CoreDependencyTests
{
    private static readonly string[] s_coreFolders = ["Facts", "Answering", "Commands", "Subscriptions", "Outbox"];
    private static readonly string[] s_forbidden = ["Bot.Discord", "Bot.Slack", "Microsoft.AspNetCore", "HttpContext"];

    public static TheoryData<string> CoreFolders() => [.. s_coreFolders];

    [Theory]
    [MemberData(nameof(CoreFolders))]
    public void SourceFiles_InCoreFolder_DoNotMentionAdaptersOrAspNetCore(string folder)
    {
        var dir = Path.Combine(RepoPaths.Source, folder);
        var offenders = Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
                .Where(x => s_forbidden.Any(f => x.line.Contains(f, StringComparison.Ordinal)))
                .Select(x => $"{Path.GetRelativePath(RepoPaths.Root, x.file)}:{x.i + 1}: {x.line.Trim()}")
                .ToList()
            : [];

        Assert.Empty(offenders);
    }

    [Fact]
    public void CoreTypes_DoNotExposeAdapterOrAspNetCoreTypesInTheirSignatures()
    {
        var assembly = typeof(FactBase).Assembly;
        var core = assembly.GetTypes().Where(t => s_coreFolders.Any(f => t.Namespace == $"Bot.{f}")).ToList();
        Assert.NotEmpty(core);

        var offenders = core
            .SelectMany(t => SignatureTypes(t).Select(used => (t, used)))
            .Where(x => x.used.Namespace is { } ns && s_forbidden.Any(f => ns.StartsWith(f, StringComparison.Ordinal)))
            .Select(x => $"{x.t.FullName} uses {x.used.FullName}")
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        IEnumerable<Type> used = [.. type.GetInterfaces(), .. type.BaseType is { } b ? [b] : Array.Empty<Type>()];
        used = used
            .Concat(type.GetFields(all).Select(f => f.FieldType))
            .Concat(type.GetProperties(all).Select(p => p.PropertyType))
            .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));
        return used.SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Expand).Append(type) : type.HasElementType ? Expand(type.GetElementType()!) : [type];
}
