from safedesk.cli import main

raise SystemExit(main())
