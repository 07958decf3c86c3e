import ArgumentParser
extension CPlan { struct Bench: ParsableCommand { func run() throws {} } }
