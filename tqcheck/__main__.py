from tqcheck.cli import main

main()
