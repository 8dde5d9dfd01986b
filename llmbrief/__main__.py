from llmbrief.cli import console_main

console_main()
