# model_overlap.gp - heatmap written by benchcov
# Shared datasets between models (Jaccard)
# Model overlap from tables/overlap.csv (jaccard_datasets); models in the
# order of their communities on the model-dataset graph
# (tables/communities.csv); blank = nothing shared.
# Data: model_overlap.dat (tab-separated).  Render in this directory with
# `gnuplot model_overlap.gp`: writes model_overlap.svg and model_overlap.png.

set datafile separator "\t"
set terminal svg size 830,793 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "model_overlap.svg"
set title "Shared datasets between models (Jaccard)"
set xlabel "model"
set ylabel "model"
set lmargin 16
set bmargin 10
set tmargin 3
set rmargin 14
set xrange [-0.5:30.5]
set yrange [30.5:-0.5]
set xtics nomirror out scale 0 rotate by 90 right
set ytics nomirror out scale 0
unset key
set grid noxtics noytics
set xtics ("Audio Flamingo" 0)
set xtics add ("GAMA" 1)
set xtics add ("LTU" 2)
set xtics add ("Pengi" 3)
set xtics add ("Qwen-Audio" 4)
set xtics add ("SALMONN" 5)
set xtics add ("NExT-GPT" 6)
set xtics add ("UnIVAL" 7)
set xtics add ("Video-LLaMA" 8)
set xtics add ("BLSP" 9)
set xtics add ("LTU-AS" 10)
set xtics add ("SLM" 11)
set xtics add ("Speech-LLaMA" 12)
set xtics add ("WavLLM" 13)
set xtics add ("LauraGPT" 14)
set xtics add ("Qwen2-Audio" 15)
set xtics add ("AudioChatLlama" 16)
set xtics add ("AudioPaLM" 17)
set xtics add ("SpeechVerse" 18)
set xtics add ("SpiRit-LM" 19)
set xtics add ("AnyGPT" 20)
set xtics add ("SpeechGPT" 21)
set xtics add ("VoxtLM" 22)
set xtics add ("LLaSM" 23)
set xtics add ("MU-LLaMA" 24)
set xtics add ("Macaw-LLM" 25)
set xtics add ("PandaGPT" 26)
set xtics add ("COSMIC" 27)
set xtics add ("AudioGPT" 28)
set xtics add ("Llama 3" 29)
set xtics add ("Seed-ASR" 30)
set ytics ("Audio Flamingo" 0)
set ytics add ("GAMA" 1)
set ytics add ("LTU" 2)
set ytics add ("Pengi" 3)
set ytics add ("Qwen-Audio" 4)
set ytics add ("SALMONN" 5)
set ytics add ("NExT-GPT" 6)
set ytics add ("UnIVAL" 7)
set ytics add ("Video-LLaMA" 8)
set ytics add ("BLSP" 9)
set ytics add ("LTU-AS" 10)
set ytics add ("SLM" 11)
set ytics add ("Speech-LLaMA" 12)
set ytics add ("WavLLM" 13)
set ytics add ("LauraGPT" 14)
set ytics add ("Qwen2-Audio" 15)
set ytics add ("AudioChatLlama" 16)
set ytics add ("AudioPaLM" 17)
set ytics add ("SpeechVerse" 18)
set ytics add ("SpiRit-LM" 19)
set ytics add ("AnyGPT" 20)
set ytics add ("SpeechGPT" 21)
set ytics add ("VoxtLM" 22)
set ytics add ("LLaSM" 23)
set ytics add ("MU-LLaMA" 24)
set ytics add ("Macaw-LLM" 25)
set ytics add ("PandaGPT" 26)
set ytics add ("COSMIC" 27)
set ytics add ("AudioGPT" 28)
set ytics add ("Llama 3" 29)
set ytics add ("Seed-ASR" 30)
set palette defined (0 "#440154", 1 "#482878", 2 "#3E4A89", 3 "#31688E", 4 "#26828E", 5 "#1F9E89", 6 "#35B779", 7 "#6DCD59", 8 "#FDE725")
set cbrange [0:1]
set cblabel "Jaccard on datasets"
plot "model_overlap.dat" using 1:2:(0.5):(0.5):3 with boxxyerror fs solid 1.0 border lc rgb "white" lc palette z notitle

set terminal pngcairo size 830,793 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "model_overlap.png"
replot
unset output
