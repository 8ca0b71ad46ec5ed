using Bot.Commands;
using Bot.Facts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Bot.Answering;

public static class AnsweringServiceCollectionExtensions
{
    /// <summary>
    /// Registers the answering engine (BM25 + MiniLM embeddings, calibrated abstention), its background warm-up, the
    /// <c>ask</c> command and the queue of unanswered questions (written by <see cref="AddUnansweredRecording"/>). Call after
    /// <c>AddFacts</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAnswering(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AnsweringOptions>().BindConfiguration(AnsweringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AnsweringLog>();
        services.AddSingleton(sp =>
        {
            // One glossary for answering and the lookups; a missing file leaves Japanese unread, and the log says so.
            var path = AnsweringOptions.ResolveDataPath(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AnsweringOptions>>().Value.JapanesePath);
            if (!File.Exists(path))
            {
                sp.GetRequiredService<AnsweringLog>().GlossaryMissing(path);
            }

            return JapaneseGlossary.LoadOrEmpty(path);
        });
        services.TryAddSingleton<ISentenceEmbedder>(sp => new MiniLmEmbedder(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AnsweringOptions>>().Value.EmbeddingThreads));
        services.AddSingleton<JapaneseFacts>();
        services.AddSingleton<AnswerEngine>();
        services.AddSingleton<IAnswerEngine>(sp => sp.GetRequiredService<AnswerEngine>());
        services.AddHostedService<AnswerWarmup>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<UnansweredRecorder>();
        services.AddSingleton<IUnansweredRecorder>(sp => sp.GetRequiredService<UnansweredRecorder>());
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton<ICommandHandler>(sp => new AskCommand(
            sp.GetRequiredService<IAnswerEngine>(),
            sp.GetRequiredService<IUnansweredRecorder>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AnsweringOptions>>().Value.FollowUps ? sp.GetRequiredService<ConversationMemory>() : null,
            sp.GetRequiredService<IFactBaseProvider>()));
        services.AddSingleton<ICommandHandler, ExplainCommand>();
        return builder;
    }

    /// <summary>
    /// Runs the recorder of unanswered questions (<see cref="UnansweredRecorder"/>) in the service: it writes what
    /// <c>ask</c> queues when <c>Answering__RecordUnanswered</c> is on, and deletes questions past their retention either
    /// way. Not in console commands, which must not open the database they do not need.
    /// </summary>
    public static IHostApplicationBuilder AddUnansweredRecording(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UnansweredRecorder>());
        return builder;
    }

    /// <summary>Runs the deletion of the follow-up memory's expired questions (<see cref="ConversationSweeper"/>) in the
    /// service; not in console commands.</summary>
    public static IHostApplicationBuilder AddConversationSweeping(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ConversationSweeper>();
        return builder;
    }
}
