using System.Reflection;
using System.Reflection.Emit;

namespace BondBot.Tests.Architecture;

/// <summary>
/// Feature folders depend one way. The graph is read from the compiled assembly — signatures, fields, locals and every
/// type, method and field a method body references (its IL) — so partially qualified names and static calls count
/// too, and no list is kept by hand. (Constants are copied into the IL as values and leave no trace; the Python tool
/// beside the repo reads the sources and catches those.)
/// </summary>
public sealed class FeatureDependencyTests
{
    private const string Prefix = "BondBot.Features.";
    private static readonly Assembly App = typeof(BondBotServiceCollectionExtensions).Assembly;

    /// <summary>Folders every feature may use; they never use the features built on them.</summary>
    private static readonly string[] Lower = ["Delivery", "Pairing", "Settings"];

    [Fact]
    public void Feature_folders_form_no_cycle()
    {
        var graph = Graph();
        var cycle = FindCycle(graph);
        Assert.True(cycle is null, $"feature cycle: {string.Join(" -> ", cycle ?? [])}\n{Describe(graph)}");
    }

    [Fact]
    public void Lower_folders_use_only_lower_folders()
    {
        var graph = Graph();
        foreach (var lower in Lower)
        {
            var higher = graph.GetValueOrDefault(lower, []).Where(f => !Lower.Contains(f)).ToList();
            Assert.True(higher.Count == 0, $"{lower} uses {string.Join(", ", higher)}\n{Describe(graph)}");
        }
    }

    [Fact]
    public void The_graph_sees_static_calls_and_partially_qualified_names()
    {
        // Questions writes reveals to Delivery's outbox through static factories; Scheduling must not know Questions.
        var graph = Graph();
        Assert.Contains("Delivery", graph["Questions"]);
        Assert.DoesNotContain("Questions", graph.GetValueOrDefault("Scheduling", []));
    }

    public static Dictionary<string, HashSet<string>> Graph()
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var type in App.GetTypes())
        {
            if (FeatureOf(type) is not { } from)
                continue;
            var uses = graph.TryGetValue(from, out var set) ? set : graph[from] = [];
            foreach (var used in References(type))
                if (FeatureOf(used) is { } to && to != from)
                    uses.Add(to);
        }
        return graph;
    }

    private static string? FeatureOf(Type? type)
    {
        while (type?.DeclaringType is { } outer) type = outer;
        var ns = type?.Namespace;
        return ns is not null && ns.StartsWith(Prefix, StringComparison.Ordinal) ? ns[Prefix.Length..].Split('.')[0] : null;
    }

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> References(Type type)
    {
        var found = new List<Type?> { type.BaseType };
        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetFields(Everything).Select(f => f.FieldType));
        found.AddRange(type.GetProperties(Everything).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            found.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info) found.Add(info.ReturnType);
            var body = method.GetMethodBody();
            if (body is null) continue;
            found.AddRange(body.LocalVariables.Select(l => l.LocalType));
            found.AddRange(ReferencedByIl(method.Module, body.GetILAsByteArray() ?? [], type, method));
        }
        return found.OfType<Type>().SelectMany(Unwrap);
    }

    // Generic arguments and element types count too: a List<Pair> uses Pairing.
    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
            foreach (var inner in Unwrap(element)) yield return inner;
        if (type.IsGenericType)
            foreach (var argument in type.GetGenericArguments().SelectMany(Unwrap)) yield return argument;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Walks a method body's IL and resolves every type, method and field token it uses.</summary>
    private static IEnumerable<Type?> ReferencedByIl(Module module, byte[] il, Type type, MethodBase method)
    {
        var typeArgs = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            var size = OperandSize(opCode.OperandType, il, i);
            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, i);
                MemberInfo? member = null;
                try { member = module.ResolveMember(token, typeArgs, methodArgs); }
                catch (ArgumentException) { }
                yield return member as Type ?? member?.DeclaringType;
                if (member is FieldInfo field) yield return field.FieldType;
                if (member is MethodInfo called) yield return called.ReturnType;
            }
            i += size;
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (state.GetValueOrDefault(next) == 1)
                    return [.. path[path.IndexOf(next)..], next];
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                    return found;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in graph.Keys.Order())
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
                return cycle;
        return null;
    }

    public static string Describe(Dictionary<string, HashSet<string>> graph) =>
        string.Join("\n", graph.OrderBy(e => e.Key).Select(e => $"  {e.Key} -> {(e.Value.Count == 0 ? "(none)" : string.Join(", ", e.Value.Order()))}"));
}
