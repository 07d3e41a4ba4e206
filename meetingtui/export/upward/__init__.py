"""Documents to the bodies above the groups: the quarter's lägesbild summary (`quarterly`) and the
yearly lägesbild and åtgärdsplan (`yearly`), as plain blocks laid out as Word or Markdown by
`document`."""
