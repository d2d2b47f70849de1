#!/bin/sh
# Makes the tagged fixtures next to this script from tests/data/audio (1-second stream copies, so the audio is real and
# unchanged), tagged by ffmpeg: a writer independent of TagLib#, which the tests read them with.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
audio="$here/../../audio"
ff="ffmpeg -nostdin -hide_banner -loglevel error -y -t 1"
meta="-metadata title=Frontiers -metadata artist=Ascension -metadata album=Tags -metadata date=1999"
# ID3v2.3 TCON holding an ID3v1 genre reference: "(17)" is Rock.
$ff -i "$audio/blues.00099.mp3" -map_metadata -1 -c copy -id3v2_version 3 $meta -metadata "genre=(17)" "$here/id3v23_genre_reference.mp3"
# Only an ID3v1 tag: its genre is one byte (8 = Jazz).
$ff -i "$audio/blues.00099.mp3" -map_metadata -1 -c copy -write_id3v2 0 -write_id3v1 1 $meta -metadata genre=Jazz "$here/id3v1_only.mp3"
# Ogg Vorbis comment GENRE.
$ff -i "$audio/muldjord_armygeddon_30s.ogg" -map_metadata -1 -c copy $meta -metadata genre=Metal "$here/vorbis_genre.ogg"
# MP4 ©gen.
$ff -i "$audio/clip09_edm_128_5s_aac.m4a" -map_metadata -1 -c copy $meta -metadata genre=Electronic "$here/mp4_genre.m4a"
