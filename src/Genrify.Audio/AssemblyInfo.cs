using System.Runtime.CompilerServices;

// The tests fuzz internal parsers directly (PcmWavParser).
[assembly: InternalsVisibleTo("Genrify.Audio.Tests")]
