# coverage_matrix.gp - heatmap written by benchcov
# Which model covers which task
# Coverage matrix from tables/coverage_task.csv and usage: 1 = the model
# used a named dataset for the task, 0.5 = unnamed data only, blank = not
# covered. Rows and columns in nested order.
# Data: coverage_matrix.dat (tab-separated).  Render in this directory with
# `gnuplot coverage_matrix.gp`: writes coverage_matrix.svg and coverage_matrix.png.

set datafile separator "\t"
set terminal svg size 1370,778 font "sans,10" noenhanced background rgb "white"
set termoption noenhanced
set output "coverage_matrix.svg"
set title "Which model covers which task"
set xlabel "task (grouped by modality)"
set ylabel "model"
set lmargin 16
set bmargin 6
set tmargin 6
set rmargin 24
set xrange [-0.5:60.5]
set yrange [30.5:-0.5]
set xtics nomirror out scale 0 rotate by 90 right
set ytics nomirror out scale 0
unset key
set grid noxtics noytics
set xtics ("MQA" 0)
set xtics add ("MGR" 1)
set xtics add ("MC" 2)
set xtics add ("MNA" 3)
set xtics add ("MIC" 4)
set xtics add ("MR" 5)
set xtics add ("SID" 6)
set xtics add ("SMER" 7)
set xtics add ("MG" 8)
set xtics add ("AAC" 9)
set xtics add ("AQA" 10)
set xtics add ("SEC" 11)
set xtics add ("ASC" 12)
set xtics add ("SED" 13)
set xtics add ("ABST" 14)
set xtics add ("ASR" 15)
set xtics add ("ST" 16)
set xtics add ("ER" 17)
set xtics add ("SIT" 18)
set xtics add ("VSC" 19)
set xtics add ("SSL" 20)
set xtics add ("SQA" 21)
set xtics add ("DLG" 22)
set xtics add ("SA" 23)
set xtics add ("IC" 24)
set xtics add ("KS" 25)
set xtics add ("SAP" 26)
set xtics add ("SF" 27)
set xtics add ("SV" 28)
set xtics add ("TTS" 29)
set xtics add ("DASR" 30)
set xtics add ("DID" 31)
set xtics add ("GR" 32)
set xtics add ("LID" 33)
set xtics add ("OSR" 34)
set xtics add ("SD" 35)
set xtics add ("SER" 36)
set xtics add ("SLU" 37)
set xtics add ("SRWT" 38)
set xtics add ("SGC" 39)
set xtics add ("SE" 40)
set xtics add ("KWE" 41)
set xtics add ("AC" 42)
set xtics add ("SC" 43)
set xtics add ("SNS" 44)
set xtics add ("STSP" 45)
set xtics add ("PR" 46)
set xtics add ("PT" 47)
set xtics add ("SRST" 48)
set xtics add ("STST" 49)
set xtics add ("IF" 50)
set xtics add ("MT" 51)
set xtics add ("ITN" 52)
set xtics add ("TE" 53)
set xtics add ("VCAP" 54)
set xtics add ("ICAP" 55)
set xtics add ("VIT" 56)
set xtics add ("VQA" 57)
set xtics add ("VG" 58)
set xtics add ("VE" 59)
set xtics add ("VIDQA" 60)
set ytics ("Qwen-Audio" 0)
set ytics add ("Audio Flamingo" 1)
set ytics add ("SpeechVerse" 2)
set ytics add ("Pengi" 3)
set ytics add ("LTU-AS" 4)
set ytics add ("Qwen2-Audio" 5)
set ytics add ("UnIVAL" 6)
set ytics add ("LauraGPT" 7)
set ytics add ("WavLLM" 8)
set ytics add ("Llama 3" 9)
set ytics add ("GAMA" 10)
set ytics add ("LTU" 11)
set ytics add ("SALMONN" 12)
set ytics add ("AnyGPT" 13)
set ytics add ("SLM" 14)
set ytics add ("NExT-GPT" 15)
set ytics add ("VoxtLM" 16)
set ytics add ("LLaSM" 17)
set ytics add ("MU-LLaMA" 18)
set ytics add ("COSMIC" 19)
set ytics add ("AudioPaLM" 20)
set ytics add ("SpeechGPT" 21)
set ytics add ("Seed-ASR" 22)
set ytics add ("Speech-LLaMA" 23)
set ytics add ("BLSP" 24)
set ytics add ("AudioChatLlama" 25)
set ytics add ("Video-LLaMA" 26)
set ytics add ("Macaw-LLM" 27)
set ytics add ("SpiRit-LM" 28)
set ytics add ("PandaGPT" 29)
set ytics add ("AudioGPT" 30)
set x2range [-0.5:60.5]
set x2tics nomirror out scale 0 rotate by 45 left
set x2tics ("music" 4)
set arrow from first 8.5, graph 0 to first 8.5, graph 1 nohead front lw 2 lc rgb "black"
set x2tics add ("sound" 11.5)
set arrow from first 14.5, graph 0 to first 14.5, graph 1 nohead front lw 2 lc rgb "black"
set x2tics add ("speech" 32)
set arrow from first 49.5, graph 0 to first 49.5, graph 1 nohead front lw 2 lc rgb "black"
set x2tics add ("text" 51.5)
set arrow from first 53.5, graph 0 to first 53.5, graph 1 nohead front lw 2 lc rgb "black"
set x2tics add ("vision" 57)
set key outside right top
plot "coverage_matrix.dat" using 1:2:(0.5):(0.5):6 with boxxyerror fs solid 1.0 border lc rgb "white" lc rgb variable notitle, \
     keyentry with boxes fs solid 1.0 lc rgb "#0072B2" title "named dataset", \
     keyentry with boxes fs solid 1.0 lc rgb "#56B4E9" title "unnamed data only", \
     keyentry with boxes fs empty lc rgb "#404040" title "not covered"

set terminal pngcairo size 1370,778 noenhanced font "sans,10" background rgb "white"
set termoption noenhanced
set output "coverage_matrix.png"
replot
unset output
