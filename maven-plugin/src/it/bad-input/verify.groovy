// Bad input is a build error (MojoExecutionException) that says where: the problem at file:line:column.
def log = new File(basedir, 'build.log').text
assert log.contains('typo.yaml was not run, bad input')
assert log =~ /typo\.yaml:3:1: unknown key 'repet'/
assert log.contains('MojoExecutionException')
assert !new File(basedir, 'target/fieldtest/typo/results.jsonl').exists()
true
