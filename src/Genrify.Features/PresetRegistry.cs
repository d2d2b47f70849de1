namespace Genrify.Features;

/// <summary>
/// Finds feature presets by name. Presets are registered as factories so that nothing is built
/// (filter banks, plans) until a command actually asks for a preset: start-up stays cheap.
/// </summary>
public sealed class PresetRegistry
{
    private readonly Dictionary<string, Lazy<IFeaturePreset>> _presets = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];

    /// <summary>
    /// A shared registry of the built-in DSP presets (seed, gtzan, full). Never extended in place: a host that offers
    /// more (Genrify.Pipeline.GenrifyPresets adds musicnn) builds its own from <see cref="CreateBuiltIn"/>.
    /// </summary>
    public static PresetRegistry Default { get; } = CreateBuiltIn();

    /// <summary>A new registry holding the built-in DSP presets (seed, gtzan, full), one line each; extend it with <see cref="Register(string, Func{IFeaturePreset})"/>.</summary>
    public static PresetRegistry CreateBuiltIn()
    {
        var registry = new PresetRegistry();
        registry.Register("seed", () => new Presets.SeedPreset());
        registry.Register("gtzan", () => new Presets.GtzanPreset());
        registry.Register("full", () => new Presets.FullPreset());
        return registry;
    }

    /// <summary>Names of the registered presets, in registration order.</summary>
    public IReadOnlyList<string> Names => _order;

    /// <summary>Registers <paramref name="factory"/> under <paramref name="name"/> (case-insensitive); it runs once, on first use.</summary>
    /// <returns>This registry, so registrations can be chained.</returns>
    /// <exception cref="ArgumentException">The name is empty or already registered.</exception>
    public PresetRegistry Register(string name, Func<IFeaturePreset> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        lock (_presets)
        {
            if (_presets.ContainsKey(name))
                throw new ArgumentException($"a preset named '{name}' is already registered", nameof(name));
            _presets[name] = new Lazy<IFeaturePreset>(() => Checked(name, factory()), LazyThreadSafetyMode.ExecutionAndPublication);
            _order.Add(name);
        }
        return this;
    }

    /// <summary>Registers an already built preset under its own <see cref="IFeaturePreset.Name"/>.</summary>
    public PresetRegistry Register(IFeaturePreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return Register(preset.Name, () => preset);
    }

    /// <summary>Whether a preset of that name is registered.</summary>
    public bool Contains(string name)
    {
        lock (_presets) return _presets.ContainsKey(name);
    }

    /// <summary>The preset named <paramref name="name"/>.</summary>
    /// <exception cref="UnknownPresetException">No preset has that name; the message lists the known names.</exception>
    public IFeaturePreset Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Lazy<IFeaturePreset>? preset;
        lock (_presets)
        {
            if (!_presets.TryGetValue(name, out preset)) throw new UnknownPresetException(name, _order.ToArray());
        }
        return preset.Value; // built outside the lock: a slow factory (weights) must not block lookups of other presets
    }

    private static IFeaturePreset Checked(string name, IFeaturePreset preset)
    {
        if (preset is null) throw new InvalidOperationException($"the factory of preset '{name}' returned null");
        if (!string.Equals(preset.Name, name, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"preset registered as '{name}' calls itself '{preset.Name}'");
        return preset;
    }
}

/// <summary>Thrown when a preset name is not registered; the message lists the names that are.</summary>
public sealed class UnknownPresetException(string name, IReadOnlyList<string> known)
    : ArgumentException(known.Count == 0
        ? $"unknown preset '{name}': no presets are registered"
        : $"unknown preset '{name}'; known presets: {string.Join(", ", known)}")
{
    /// <summary>The name that was asked for.</summary>
    public string Name { get; } = name;

    /// <summary>The registered names.</summary>
    public IReadOnlyList<string> KnownNames { get; } = known.ToArray();
}
