#!/usr/bin/env python3
"""Writes the hand-made seeds of tests/fuzz/corpus (see fuzz_input.h).

valid-* seeds must load without error, bad-* seeds must be refused as bad
catalog data (exit 65); tests/test_fuzz_replay.c checks both.  The four
texts below are the same valid catalog that fuzz_input.h compiles in.
Run from the repository root: python3 tests/fuzz/make_seeds.py
"""
import os

SEP = b"\n%%%%\n"
TASKS = (b"code,name,modality,category,origin\n"
         b"ASR,Automatic speech recognition,speech,content,glossary\n"
         b"ST,Speech translation,speech,semantic,glossary\n"
         b"AAC,Automated audio captioning,sound,scene,glossary\n"
         b"SER,Speech emotion recognition,speech,paralinguistic,glossary\n"
         b"MGR,Music genre recognition,music,music,added\n")
MODELS = (b"model,aliases,paper,year,speech_encoder,encoder_family,llm,llm_family,"
          b"llm_params_b,fusion,output\n"
          b"SALMONN,,\"SALMONN: towards generic hearing abilities\",2023,"
          b"Whisper-Large-v2;BEATs,whisper,Vicuna,vicuna,13,q-former,text\n"
          b"Qwen-Audio,Qwen Audio,Qwen-Audio,2023,Whisper-Large-v2,whisper,Qwen-7B,qwen,"
          b"7.7,projection,text\n"
          b"LauraGPT,Lauragpt,LauraGPT,2023,Conformer,conformer,Qwen-1.8B,qwen,1.8,"
          b"discrete-tokens,any\n")
DATASETS = (b"dataset,aliases,modality,tasks,languages,hours\n"
            b"LibriSpeech,Librispeech,speech,ASR,en,960\n"
            b"CoVoST2,CoVOST 2,speech,ST;ASR,en;de;zh,2880\n"
            b"AudioCaps,,sound,AAC,en,\n"
            b"IEMOCAP,,speech,SER,en,12\n"
            b"GTZAN,,music,MGR,,\n")
USAGE = (b"model,dataset,task,role,source\n"
         b"SALMONN,Librispeech,ASR,train,seed\n"
         b"SALMONN,LibriSpeech,ASR,eval,seed\n"
         b"SALMONN,AudioCaps,AAC,train,seed\n"
         b"Qwen Audio,CoVOST 2,ST,eval,seed\n"
         b"Qwen-Audio,IEMOCAP,SER,eval,seed\n"
         b"Lauragpt,LibriSpeech,ASR,eval,seed\n"
         b"LauraGPT,,SER,train,seed\n")
FILES = [TASKS, MODELS, DATASETS, USAGE]


def one(i, text):
    """Input replacing file i (0 tasks .. 3 usage) by text."""
    return bytes([i]) + text


def alone(text):
    """A one-file catalog: usage.csv alone (shape 3 with the high bit set)."""
    return bytes([0x80]) + text  # 128 % 5 == 3


def split(*texts):
    return bytes([4]) + SEP.join(texts)


def crlf(t):
    return t.replace(b"\n", b"\r\n")


seeds = {
    "valid-split": split(*FILES),
    "valid-tasks": one(0, TASKS),
    "valid-models": one(1, MODELS),
    "valid-datasets": one(2, DATASETS),
    "valid-usage": one(3, USAGE),
    "valid-crlf-bom": split(*[b"\xef\xbb\xbf" + crlf(t) for t in FILES]),
    "valid-no-final-newline": split(*[t[:-1] for t in FILES]),
    "valid-quoted": one(1, MODELS + b"\"Odd, \"\"quoted\"\" model\",\"a;b\",\"two\nlines\","
                        b"2024,,,,,,other,speech\n"),
    "valid-utf8": one(2, DATASETS + "Corpus de paroles é,,speech,ASR,fr,1.5\n".encode()),
    "valid-case-space": one(3, USAGE + b"  salmonn ,  AUDIOCAPS,AAC,eval,paper\n"),
    "valid-pretraining": one(3, USAGE + b"Qwen-Audio,GTZAN,,train,seed\n"),
    "bad-unbalanced-quote": one(0, TASKS + b"KWE,\"Keyword extraction,text,semantic,added\n"),
    "bad-nul": one(0, TASKS + b"SE,Speech\x00enhancement,speech,generation,added\n"),
    "bad-utf8": one(2, DATASETS + b"Bad\xc3(name,,speech,ASR,en,1\n"),
    "bad-utf8-overlong": one(0, TASKS + b"SE,\xc0\xafx,speech,generation,added\n"),
    "bad-field-count": one(0, TASKS + b"SE,Speech enhancement,speech,generation\n"),
    "bad-duplicate-task": one(0, TASKS + b"ASR,Speech recognition again,speech,content,added\n"),
    "bad-duplicate-alias": one(1, MODELS + b"Other,Lauragpt,,2024,,,,,,other,text\n"),
    "bad-unknown-model": one(3, USAGE + b"SALMON,LibriSpeech,ASR,eval,seed\n"),
    "bad-unknown-dataset": one(3, USAGE + b"SALMONN,Librispeeh,ASR,eval,seed\n"),
    "bad-unknown-task": one(2, DATASETS + b"VoxCeleb,,speech,SV,en,352\n"),
    "bad-year": one(1, MODELS + b"Other,,,20x3,,,,,,other,text\n"),
    "bad-params": one(1, MODELS + b"Other,,,2024,,,,,1e999,other,text\n"),
    "bad-hours": one(2, DATASETS + b"VoxCeleb,,speech,ASR,en,lots\n"),
    "valid-facet-value": one(0, TASKS + b"SE,Speech enhancement,audio,generation,added\n"),
    "valid-facet-fusion": one(1, MODELS + b"Other,,,2024,,,,,,adapter,text\n"),
    "valid-one-file": alone(b"model,dataset,task\nGPT-4,MMLU,knowledge\nGPT-4,GSM8K,math\n"
                            b"Llama 3,MMLU,knowledge\nLlama 3,HumanEval,code\n"),
    "valid-one-file-two-columns": alone(b"dataset,model\nMMLU,GPT-4\nGSM8K,Llama 3\n"),
    "valid-shuffled": split(b"name,origin,code,category,modality\n"
                            b"Speech recognition,glossary,ASR,content,speech\n",
                            b"output,model,org\ntext,SALMONN,ByteDance\n",
                            b"tasks,dataset,hours\nASR,LibriSpeech,960\n",
                            b"source,task,dataset,model,score,metric,split\n"
                            b"seed,ASR,LibriSpeech,SALMONN,2.1,WER,test-clean\n"),
    "valid-no-task-role": split(TASKS, MODELS, DATASETS,
                                b"model,dataset\nSALMONN,CoVoST2\nLauraGPT,LibriSpeech\n"),
    "bad-role-case": one(3, USAGE + b"SALMONN,LibriSpeech,ASR,Eval,seed\n"),
    "bad-semicolon-header": one(3, b"model;dataset;task\nSALMONN;LibriSpeech;ASR\n"),
    "bad-utf16": one(0, "code,name\nASR,Speech\n".encode("utf-16")),
    "bad-header-slip": one(3, b"model,dataset,taks\nSALMONN,LibriSpeech,ASR\n"),
    "bad-score": one(3, b"model,dataset,task,score\nSALMONN,LibriSpeech,ASR,2.1%\n"),
    "bad-list-comma": one(2, DATASETS + b"VoxCeleb,,speech,ASR,en,fr,352\n"),
    "bad-role": one(3, USAGE + b"SALMONN,LibriSpeech,ASR,test,seed\n"),
    "bad-code": one(0, TASKS + b"asr2,Lower case code,speech,content,added\n"),
    "bad-header": one(0, b"code,name,modality,category\n" + TASKS.split(b"\n", 1)[1]),
    "bad-empty-row-refs": one(3, USAGE + b"SALMONN,,,eval,seed\n"),
}

# The good fixture of the unit tests, as one split input, when present.
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
good = os.path.join(root, "tests", "fixtures", "good")
if all(os.path.exists(os.path.join(good, n + ".csv"))
       for n in ("tasks", "models", "datasets", "usage")):
    seeds["valid-fixture-good"] = split(*[open(os.path.join(good, n + ".csv"), "rb").read()
                                          for n in ("tasks", "models", "datasets", "usage")])

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
os.makedirs(here, exist_ok=True)
for name, data in sorted(seeds.items()):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)
print(len(seeds), "seeds written to", here)
