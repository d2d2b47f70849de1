using System.Runtime.CompilerServices;

// The tests fuzz internal parsers directly (PcmWavParser) and count the stderr redirect's windows (StderrRedirect).
[assembly: InternalsVisibleTo("Genrify.Audio.Tests")]
