from tei.cli import main

raise SystemExit(main())
