# coverage_matrix.gp - heatmap written by benchcov
# Which model covers which task
# Coverage matrix from tables/coverage_task.csv and usage: 1 = the model
# used a named dataset for the task, 0.5 = unnamed data only, blank = not
# covered. Rows and columns in nested order.
# Data: coverage_matrix.dat (tab-separated).  Render in this directory with
# `gnuplot coverage_matrix.gp`: writes coverage_matrix.svg and coverage_matrix.png.

set datafile separator "\t"
set terminal svg size 1280,763 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "coverage_matrix.svg"
set title "Which model covers which task"
set xlabel "task (grouped by modality)"
set ylabel "model"
set lmargin 16
set bmargin 5
set tmargin 6
set rmargin 14
set xrange [-0.5:55.5]
set yrange [30.5:-0.5]
set xtics nomirror out scale 0 rotate by 90 right
set ytics nomirror out scale 0
unset key
set grid noxtics noytics
set xtics ("ASR" 0)
set xtics add ("ST" 1)
set xtics add ("ER" 2)
set xtics add ("SIT" 3)
set xtics add ("SSL" 4)
set xtics add ("DLG" 5)
set xtics add ("IC" 6)
set xtics add ("KS" 7)
set xtics add ("SF" 8)
set xtics add ("SV" 9)
set xtics add ("TTS" 10)
set xtics add ("SA" 11)
set xtics add ("DASR" 12)
set xtics add ("DID" 13)
set xtics add ("LID" 14)
set xtics add ("OSR" 15)
set xtics add ("SAP" 16)
set xtics add ("SD" 17)
set xtics add ("SER" 18)
set xtics add ("SQA" 19)
set xtics add ("SLU" 20)
set xtics add ("SRWT" 21)
set xtics add ("VSC" 22)
set xtics add ("SGC" 23)
set xtics add ("SE" 24)
set xtics add ("KWE" 25)
set xtics add ("AC" 26)
set xtics add ("SC" 27)
set xtics add ("SNS" 28)
set xtics add ("GR" 29)
set xtics add ("PR" 30)
set xtics add ("PT" 31)
set xtics add ("SRST" 32)
set xtics add ("STST" 33)
set xtics add ("AAC" 34)
set xtics add ("AQA" 35)
set xtics add ("SEC" 36)
set xtics add ("ASC" 37)
set xtics add ("SED" 38)
set xtics add ("ABST" 39)
set xtics add ("MC" 40)
set xtics add ("MNA" 41)
set xtics add ("MGR" 42)
set xtics add ("MIC" 43)
set xtics add ("MQA" 44)
set xtics add ("MR" 45)
set xtics add ("SID" 46)
set xtics add ("SMER" 47)
set xtics add ("MG" 48)
set xtics add ("VCAP" 49)
set xtics add ("VIT" 50)
set xtics add ("ICAP" 51)
set xtics add ("IF" 52)
set xtics add ("MT" 53)
set xtics add ("ITN" 54)
set xtics add ("TE" 55)
set ytics ("Qwen-Audio" 0)
set ytics add ("SpeechVerse" 1)
set ytics add ("Pengi" 2)
set ytics add ("LauraGPT" 3)
set ytics add ("WavLLM" 4)
set ytics add ("Llama 3" 5)
set ytics add ("GAMA" 6)
set ytics add ("Audio Flamingo" 7)
set ytics add ("AnyGPT" 8)
set ytics add ("LTU" 9)
set ytics add ("SALMONN" 10)
set ytics add ("SLM" 11)
set ytics add ("NExT-GPT" 12)
set ytics add ("VoxtLM" 13)
set ytics add ("LTU-AS" 14)
set ytics add ("LLaSM" 15)
set ytics add ("COSMIC" 16)
set ytics add ("AudioPaLM" 17)
set ytics add ("SpeechGPT" 18)
set ytics add ("Seed-ASR" 19)
set ytics add ("Speech-LLaMA" 20)
set ytics add ("AudioChatLlama" 21)
set ytics add ("UnIVAL" 22)
set ytics add ("Video-LLaMA" 23)
set ytics add ("Macaw-LLM" 24)
set ytics add ("MU-LLaMA" 25)
set ytics add ("PandaGPT" 26)
set ytics add ("BLSP" 27)
set ytics add ("Qwen2-Audio" 28)
set ytics add ("AudioGPT" 29)
set ytics add ("SpiRit-LM" 30)
set x2range [-0.5:55.5]
set x2tics nomirror out scale 0 rotate by 45 left
set x2tics ("speech" 16.5)
set arrow from first 33.5, graph 0 to first 33.5, graph 1 nohead front lw 2 lc rgb "black"
set x2tics add ("sound" 36.5)
set arrow from first 39.5, graph 0 to first 39.5, graph 1 nohead front lw 2 lc rgb "black"
set x2tics add ("music" 44)
set arrow from first 48.5, graph 0 to first 48.5, graph 1 nohead front lw 2 lc rgb "black"
set x2tics add ("vision" 50)
set arrow from first 51.5, graph 0 to first 51.5, graph 1 nohead front lw 2 lc rgb "black"
set x2tics add ("text" 53.5)
set palette defined (0 "#440154", 1 "#482878", 2 "#3E4A89", 3 "#31688E", 4 "#26828E", 5 "#1F9E89", 6 "#35B779", 7 "#6DCD59", 8 "#FDE725")
set cbrange [0:1]
set cblabel "1 named dataset, 0.5 unnamed data"
plot "coverage_matrix.dat" using 1:2:(0.5):(0.5):3 with boxxyerror fs solid 1.0 border lc rgb "white" lc palette z notitle

set terminal pngcairo size 1280,763 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "coverage_matrix.png"
replot
unset output
