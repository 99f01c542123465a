// examples/maven builds green: its JUnit test (fieldtest-junit) passes and the plugin leaves the run's files
// under target/fieldtest/help-centre.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed')
assert log.contains('in com.example.helpcentre.HelpCentreEvalTest')
def run = new File(basedir, 'target/fieldtest/help-centre')
['results.jsonl', 'summary.json', 'report.md', 'report.html', 'junit.xml'].each {
    assert new File(run, it).isFile() : "missing ${it} in ${run}"
}
// 6 cases × repeat 2, all answered from the right entry (or abstained on the off-topic one).
def summary = new groovy.json.JsonSlurper().parse(new File(run, 'summary.json'))
assert summary.targets.minilm.pass_rate.n == 12
assert summary.targets.minilm.pass_rate.passes == 12
assert !new File(basedir, '.fieldtest').exists()
true
