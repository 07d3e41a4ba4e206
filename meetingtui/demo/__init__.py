"""`meetingtui demo`: Exempelkommun, a fictional municipality, its groups and years of meetings
recorded through the services as a chair would (`fill.fill_demo`), from the seeds' words
(`town`, `situation`, `measures`, `attendees`, `minutes`); one meeting (`meeting`), reports
between meetings (`reports`), agreements (`agreements`). No SQL here: the services and the
store write."""
