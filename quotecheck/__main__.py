from quotecheck.cli import main

main()
